package io.aigcwatch.gateway.stream;

/**
 * One topic the gateway streams by Server-Sent Events, and which of its events a client is sent: everything else on
 * the topic is read past, its offsets still counting in the stream's ids.
 *
 * @param name      names the hub's thread and its Kafka clients
 * @param topic     a constant of {@link io.aigcwatch.events.Topics}, without the deployment prefix
 * @param eventType the CloudEvents type a client is sent
 * @param data      what that type's data is read as, for filtering
 * @param sseEvent  the SSE {@code event:} name of each one sent
 * @param reload    where a client that resumed further back than the stream replays reloads from
 */
record StreamFeed<T>(String name, String topic, String eventType, Class<T> data, String sseEvent, String reload) {
}
