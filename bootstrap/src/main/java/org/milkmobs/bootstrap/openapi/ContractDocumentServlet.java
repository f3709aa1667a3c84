package org.milkmobs.bootstrap.openapi;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the hand-written contract (META-INF/openapi.yaml) at /openapi byte for byte.
 *
 * <p>Payara's MicroProfile OpenAPI servlet (mapped to /openapi/* in the root context) re-serialises the document
 * through its own model, which alters it: {@code OperationImpl.merge} copies security requirements one by one, so an
 * operation's {@code security: []} ("no authentication", the signed blob URLs) arrives empty, is dropped, and the
 * operation silently inherits the global bearer requirement; and {@code OpenAPIImpl.getEndpoints()} is written out as
 * a non-standard top-level {@code endpoints} field that strict validators refuse. An exact mapping beats Payara's
 * path-prefix mapping, so this servlet answers /openapi and the served document is the file (ADR 0014).
 */
@WebServlet(urlPatterns = "/openapi", loadOnStartup = 1)
public class ContractDocumentServlet extends HttpServlet {

    private static final String DOCUMENT = "META-INF/openapi.yaml";

    private byte[] document;

    @Override
    public void init() {
        try (InputStream in = ContractDocumentServlet.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the WAR");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/yaml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
