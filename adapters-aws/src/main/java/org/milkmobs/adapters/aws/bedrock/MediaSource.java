package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;

/** How media reaches Bedrock: an S3 location in the model's region, or the bytes inline as base64. */
public sealed interface MediaSource {

    JsonObject toJson();

    record S3Location(String uri, Optional<String> bucketOwner) implements MediaSource {
        public S3Location {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(bucketOwner, "bucketOwner");
        }

        @Override
        public JsonObject toJson() {
            JsonObjectBuilder location = Json.createObjectBuilder().add("uri", uri);
            bucketOwner.ifPresent(owner -> location.add("bucketOwner", owner));
            return Json.createObjectBuilder().add("s3Location", location).build();
        }
    }

    record Inline(String base64) implements MediaSource {
        public Inline {
            Objects.requireNonNull(base64, "base64");
        }

        @Override
        public JsonObject toJson() {
            return Json.createObjectBuilder().add("base64String", base64).build();
        }
    }
}
