-- Idle pipeline workers wait on LISTEN milkmobs_jobs instead of polling (see docs/adr/0025-job-wake-ups-and-batched-completes.md).
-- A job that becomes claimable now (enqueued, released, rescued, redriven) notifies at its transaction's
-- commit; the payload is the step, and PostgreSQL folds equal notifications of one transaction into one.
-- A job due later (a retry, a snooze) does not: polling finds it. Notifications are hints: workers still poll.
-- run_at comes from the application's clock, so "now" has a second of slack for a clock a little ahead.
CREATE FUNCTION job_available_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('milkmobs_jobs', NEW.step);
    RETURN NULL;
END
$$;

CREATE TRIGGER job_enqueued_notify AFTER INSERT ON job FOR EACH ROW
    WHEN (NEW.state = 'AVAILABLE' AND NEW.run_at <= clock_timestamp() + interval '1 second')
    EXECUTE FUNCTION job_available_notify();

CREATE TRIGGER job_available_again_notify AFTER UPDATE OF state ON job FOR EACH ROW
    WHEN (NEW.state = 'AVAILABLE' AND OLD.state <> 'AVAILABLE' AND NEW.run_at <= clock_timestamp() + interval '1 second')
    EXECUTE FUNCTION job_available_notify();
