package org.milkmobs.application.port.in.search;

/**
 * Videos with clips that look like an image or sound like an audio clip. The file's vector is kept, so a search pages
 * on by the query id its results carry, without sending the file again.
 */
public interface SearchByMediaUseCase {

    int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    int MAX_AUDIO_BYTES = 10 * 1024 * 1024;

    /** @throws org.milkmobs.application.port.out.media.MediaRejectedException when the bytes are not an image */
    SearchResults byImage(byte[] image, SearchOptions options);

    /**
     * More of an image search, by the query id its results carry (the image's vector is kept).
     *
     * @throws org.milkmobs.application.port.in.NotFoundException when no image search has that id
     */
    SearchResults imageById(String queryId, SearchOptions options);

    /**
     * Videos whose sound matches the clip. The model may embed audio asynchronously: then the answer is
     * pending, and {@link #resumeAudio} with its query id gives the results once the embedding is made.
     */
    AudioSearch byAudio(byte[] audio, SearchOptions options);

    /** @throws org.milkmobs.application.port.in.NotFoundException when no audio search has that id */
    AudioSearch resumeAudio(String queryId, SearchOptions options);
}
