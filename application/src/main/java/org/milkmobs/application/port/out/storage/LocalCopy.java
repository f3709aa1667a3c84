package org.milkmobs.application.port.out.storage;

import java.nio.file.Path;

/**
 * A blob as a local file, for tools that need a path (ffprobe, ffmpeg). Closing it removes the file
 * when it was a temporary download; a local store hands out its own file and removes nothing.
 */
public interface LocalCopy extends AutoCloseable {

    Path path();

    @Override
    void close();
}
