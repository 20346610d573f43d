package io.aigcwatch.stack;

/** Where the running PostgreSQL and Kafka answer, as the services are told. */
record Infra(String jdbcUrl, String username, String password, String bootstrapServers) {
}
