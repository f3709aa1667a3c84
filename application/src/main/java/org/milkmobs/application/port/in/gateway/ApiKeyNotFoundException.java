package org.milkmobs.application.port.in.gateway;

import org.milkmobs.application.port.in.NotFoundException;

public class ApiKeyNotFoundException extends NotFoundException {

    public ApiKeyNotFoundException(String id) {
        super("no API key " + id);
    }
}
