package io.aigcwatch.kit.internal;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Puts the {@link InternalCredential} on every request an application makes to a service of the suite through a
 * Micronaut client named by its service id ({@code @Client(id = "funding")} and the like): the gateway's stats and
 * health calls, valuation-service's calls to funding-service. Clients of anything else (webhook receivers) never
 * see it.
 */
@ClientFilter(serviceId = {"funding", "valuation", "market", "notification"})
final class InternalCredentialClientFilter {
    private final InternalCredential credential;

    InternalCredentialClientFilter(InternalCredential credential) {
        this.credential = credential;
    }

    @RequestFilter
    void addCredential(MutableHttpRequest<?> request) {
        credential.value().ifPresent(value -> request.getHeaders().set(InternalCredential.HEADER, value));
    }
}
