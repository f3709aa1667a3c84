package org.milkmobs.adapters.aws.bedrock;

/** A model answered with something that does not have the documented shape. */
class MalformedAnswerException extends RuntimeException {

    MalformedAnswerException(String message) {
        super(message);
    }
}
