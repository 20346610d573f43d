package io.aigcwatch.kit.internal;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The secret the gateway and the services share, so that a service can tell the gateway (and its sibling services)
 * from anyone else who reaches its port.
 *
 * @param credential {@code AIGCWATCH_INTERNAL_CREDENTIAL}; there is no default: a service without one refuses every
 *                   request but health (fail closed), and the gateway, which sends it, cannot reach the services
 * @param required   whether this application's own HTTP server demands it; only the gateway, whose doors are the
 *                   API keys, turns it off
 */
@ConfigurationProperties("aigcwatch.internal")
record InternalCredentialConfig(@Nullable String credential, @Bindable(defaultValue = "true") boolean required) {
}
