package io.aigcwatch.funding.imports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A bulk import: its file staged in {@code import_row}, applied a chunk at a time up to {@code nextLine}. */
@MappedEntity("import_job")
record ImportJob(
        @Id UUID id,
        ImportState state,
        String format,
        @Nullable @TypeDef(type = DataType.JSON) List<String> header,
        @Nullable Long rowsTotal,
        long nextLine,
        long rowsDone,
        long rowsImported,
        long rowsAlreadyRecorded,
        long rowsRefused,
        @Nullable String failure,
        Instant receivedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        Instant updatedAt) {
}
