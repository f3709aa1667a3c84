package org.milkmobs.application.service.steps;

import java.util.function.Supplier;
import org.milkmobs.application.port.in.pipeline.StepOutcome;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.video.Failure;
import org.milkmobs.domain.video.FailureCode;

/**
 * What a step makes of an analyzer's refusals, the same for every analyzer: a budget refusal defers the video
 * until the window rolls over, a busy analyzer snoozes the job (keeping its state, so a poll resumes), and a
 * failure fails the job for good or for a retry as the analyzer says.
 */
final class AnalyzerCall {

    private AnalyzerCall() {
    }

    static StepOutcome outcomeOf(StepVideos videos, PipelineJob job, Supplier<StepOutcome> call) {
        try {
            return call.get();
        } catch (BudgetExhaustedException e) {
            return videos.deferred(job, e);
        } catch (AnalyzerBusyException e) {
            return StepOutcome.snoozed(e.retryAfter(), job.data());
        } catch (AnalysisFailedException e) {
            return e.permanent() ? StepOutcome.permanent(new Failure(FailureCode.ANALYSIS_FAILED, e.getMessage()))
                    : StepOutcome.retryable(e.getMessage());
        }
    }
}
