package org.milkmobs.adapters.rest.storage;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;
import org.milkmobs.adapters.rest.problem.Problems;
import org.milkmobs.adapters.rest.support.BodyLimit;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase.Download;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;

/**
 * The local store's signed URLs: uploads streamed to disk, downloads with HTTP Range so a browser's
 * {@code <video>} can seek. The grant in the path is the credential, so no token is needed.
 */
@Path("/blobs/{grant}")
@RequestScoped
@PermitAll
public class BlobResource {

    /**
     * A refused upload's remaining body is read (and dropped) up to this much, so clients that do not read
     * the response while still sending (many do not) see the 413 rather than a reset connection.
     */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    @Inject
    TransferBlobUseCase transfers;

    @PUT
    @Consumes("*/*")
    @BodyLimit(bytes = BodyLimit.SELF_ENFORCED)
    public Response upload(@PathParam("grant") String grant, @HeaderParam("Content-Length") String contentLength, InputStream body) {
        OptionalLong declared = OptionalLong.empty();
        if (contentLength != null && contentLength.matches("\\d{1,18}")) {
            declared = OptionalLong.of(Long.parseLong(contentLength));
        }
        try {
            transfers.upload(grant, body, declared);
        } catch (BlobTooLargeException e) {
            drain(body);
            throw e;
        }
        return Response.noContent().build();
    }

    @GET
    public Response download(@PathParam("grant") String grant, @HeaderParam("Range") String range) {
        return respond(transfers.download(grant), range, true);
    }

    @HEAD
    public Response head(@PathParam("grant") String grant, @HeaderParam("Range") String range) {
        return respond(transfers.download(grant), range, false);
    }

    private static void drain(InputStream body) {
        try {
            long skipped = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while (skipped < DRAIN_LIMIT && (read = body.read(buffer)) != -1) {
                skipped += read;
            }
        } catch (java.io.IOException gone) {
            // the client stopped sending; nothing left to drain
        }
    }

    private static Response respond(Download download, String rangeHeader, boolean withBody) {
        long size = download.size();
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(rangeHeader, size);
        } catch (ByteRange.Unsatisfiable e) {
            return Response.fromResponse(Problems.of(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable",
                    e.getMessage())).header("Content-Range", "bytes */" + size).build();
        }
        long offset = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        Response.ResponseBuilder response = range.isPresent()
                ? Response.status(Response.Status.PARTIAL_CONTENT).header("Content-Range",
                        "bytes " + offset + "-" + (offset + length - 1) + "/" + size)
                : Response.ok();
        response.type(download.contentType()).header("Accept-Ranges", "bytes").header("Content-Length", length)
                .header("Cache-Control", "private, max-age=300");
        if (withBody) {
            StreamingOutput stream = out -> {
                try (InputStream in = download.open(offset, length)) {
                    in.transferTo(out);
                }
            };
            response.entity(stream);
        }
        return response.build();
    }
}
