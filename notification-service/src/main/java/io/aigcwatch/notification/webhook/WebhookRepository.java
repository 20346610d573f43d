package io.aigcwatch.notification.webhook;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface WebhookRepository extends CrudRepository<Webhook, UUID> {

    List<Webhook> findByOwnerIdOrderByCreatedAt(String ownerId);

    List<Webhook> listOrderByCreatedAt();

    List<Webhook> findByStatusAndEvents(WebhookStatus status, WebhookEvents events);

    long countByOwnerId(String ownerId);

    @Query("update webhook set status = 'FAILING', failing_since = now() where id = :id and status = 'ACTIVE'")
    void markFailing(UUID id);

    @Query("update webhook set status = 'ACTIVE', failing_since = null where id = :id")
    void markActive(UUID id);
}
