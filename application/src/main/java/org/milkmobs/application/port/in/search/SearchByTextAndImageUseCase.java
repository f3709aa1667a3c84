package org.milkmobs.application.port.in.search;

import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.application.port.in.search.SearchResults;
import org.milkmobs.domain.search.Fusion;

/**
 * A composed query: an image and a text in one request ("this picture, but at night"). A model with a composed input
 * (Marengo 3.0) embeds both as one vector; otherwise the image's look-alikes are fused with the text's full-text
 * matches. The results name the legs that ran, and every hit keeps its fused and per-leg scores.
 */
public interface SearchByTextAndImageUseCase {

    /**
     * @param fusion how the two legs are merged when they run apart (no composed input); one composed vector has one leg
     * @throws org.milkmobs.domain.InvalidValueException when the text is empty or too long, or the image empty or over 5 MB
     * @throws org.milkmobs.application.port.out.media.MediaRejectedException when the bytes are not an image
     */
    SearchResults byTextAndImage(String text, byte[] image, Fusion fusion, SearchOptions options);
}
