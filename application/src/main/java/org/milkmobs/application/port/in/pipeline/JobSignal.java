package org.milkmobs.application.port.in.pipeline;

/** Lets a long step notice that its job was taken away (cancelled, or its lease lost) and stop early. */
public interface JobSignal {

    boolean isCancelled();

    JobSignal NEVER = () -> false;
}
