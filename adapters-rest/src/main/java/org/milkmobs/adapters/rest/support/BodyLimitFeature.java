package org.milkmobs.adapters.rest.support;

import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import org.milkmobs.adapters.rest.problem.BodyTooLargeException;
import org.milkmobs.adapters.rest.problem.Problems;

/**
 * Enforces {@link BodyLimit} on every method that reads a body: a declared Content-Length above the limit is refused at once; a body without
 * one (chunked) is cut off as soon as it passes the limit, so no reader ever buffers more.
 */
@Provider
public class BodyLimitFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        BodyLimit declared = method.getAnnotation(BodyLimit.class);
        long limit = declared != null ? declared.bytes() : readsBody(method) ? BodyLimit.DEFAULT_BYTES : BodyLimit.SELF_ENFORCED;
        if (limit != BodyLimit.SELF_ENFORCED) {
            context.register(new Filter(limit));
        }
    }

    private static boolean readsBody(Method method) {
        return method.isAnnotationPresent(POST.class) || method.isAnnotationPresent(PUT.class) || method.isAnnotationPresent(PATCH.class);
    }

    public static String describe(long bytes) {
        return BodyTooLargeException.describe(bytes);
    }

    static final class Filter implements ContainerRequestFilter {

        private final long limit;

        Filter(long limit) {
            this.limit = limit;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            if (declared != null) {
                try {
                    if (Long.parseLong(declared.strip()) > limit) {
                        request.abortWith(tooLarge(limit));
                        return;
                    }
                } catch (NumberFormatException e) {
                    request.abortWith(Problems.invalidRequest("the Content-Length header is not a number", java.util.List.of()));
                    return;
                }
            }
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    public static Response tooLarge(long limit) {
        return Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "the request body is larger than this endpoint accepts (" + describe(limit) + ")");
    }

    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
