package org.milkmobs.adapters.rest.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The resource method counts against the caller's rate limit of this kind; past it the answer is 429. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

    Kind value();

    /** Each kind is limited separately, per user; its wire name is the configuration key's middle part. */
    enum Kind {
        SEARCH("search"), SUBMIT("submit");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
