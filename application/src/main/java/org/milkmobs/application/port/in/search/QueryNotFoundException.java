package org.milkmobs.application.port.in.search;

import org.milkmobs.application.port.in.NotFoundException;

/** No image or audio search has that id: it was never made, or it expired. */
public final class QueryNotFoundException extends NotFoundException {

    public QueryNotFoundException(String kind, String queryId) {
        super("no " + kind + " search " + queryId + " is known (it may have expired); post the " + kind + " again");
    }
}
