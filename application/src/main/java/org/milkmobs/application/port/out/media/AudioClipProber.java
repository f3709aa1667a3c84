package org.milkmobs.application.port.out.media;

/** Looks inside a search query's audio clip before a model is paid to embed it. */
public interface AudioClipProber {

    /**
     * @return the clip with the duration of its sound
     * @throws MediaRejectedException when the bytes hold no readable sound, or more of it than a query may have
     */
    AudioClip probe(byte[] clip);
}
