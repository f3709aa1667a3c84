package org.milkmobs.application.port.in.search;

import java.util.Optional;
import org.milkmobs.domain.search.Fusion;
import org.milkmobs.domain.search.SearchMode;

/** Videos matching a text: vectors and full text fused, or full text alone when the model cannot embed text. */
public interface SearchByTextUseCase {

    int MAX_QUERY_CHARACTERS = 1000;

    default SearchResults byText(String text, SearchOptions options) {
        return byText(text, Optional.empty(), options);
    }

    /**
     * Videos matching a text, answered as the client asks: {@code FULL_TEXT} never calls the model; {@code VECTOR}
     * ranks by meaning alone and fails when the text cannot be embedded (the local model has no text space: a
     * refusal naming {@code mode}; no budget: the budget's refusal); {@code HYBRID} or none fuses both and falls
     * back to full text with a note.
     */
    default SearchResults byText(String text, Optional<SearchMode> mode, SearchOptions options) {
        return byText(text, mode, Fusion.RRF, options);
    }

    /** As above, fusing a hybrid search's two rankings by {@code fusion}; every hit keeps its fused and per-leg scores. */
    SearchResults byText(String text, Optional<SearchMode> mode, Fusion fusion, SearchOptions options);
}
