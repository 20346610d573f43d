package io.aigcwatch.funding.investor;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Investors as records (issue 14): ranked lists, search in any script, and each one's portfolio. */
@Controller("/investors")
class InvestorController {
    private static final int DEFAULT_PAGE = 100;

    private final InvestorRepository investors;
    private final InvestorSearch search;
    private final Portfolios portfolios;
    private final InputLimits limits;

    InvestorController(InvestorRepository investors, InvestorSearch search, Portfolios portfolios, InputLimits limits) {
        this.investors = investors;
        this.search = search;
        this.portfolios = portfolios;
        this.limits = limits;
    }

    /**
     * With {@code q}, the best matches by name in any script; else every investor with an active round, ranked by
     * {@code sort} (rounds, leads, usd or unicorns held; rounds by default), a page at a time, each ranking on its
     * own index.
     */
    @Get
    Object list(@Nullable @QueryValue String q, @Nullable @QueryValue String sort, @Nullable @QueryValue String cursor,
                @Nullable @QueryValue Integer limit) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, DEFAULT_PAGE, limits.maxPageSize());
        String position = checks.optionalText("cursor", cursor, limits.maxCursorLength());
        String query = checks.optionalText("q", q, limits.maxNameLength());
        Sort order = sort == null || sort.isBlank() ? Sort.ROUNDS : checks.enumValue("sort", sort.trim(), Sort.class);
        checks.throwIfAny();
        if (query != null) {
            return search.search(query, size);
        }
        Cursor after = Cursor.decode(position);
        List<Investor> found = switch (order) {
            case ROUNDS -> investors.byRounds(after == null ? null : after.whole(), after == null
                    ? new UUID(0, 0) : after.id(), size + 1);
            case LEADS -> investors.byLeads(after == null ? null : after.whole(), after == null
                    ? new UUID(0, 0) : after.id(), size + 1);
            case USD -> investors.byUsd(after == null ? null : after.value(), after == null
                    ? new UUID(0, 0) : after.id(), size + 1);
            case UNICORNS -> investors.byUnicorns(after == null ? null : after.whole(), after == null
                    ? new UUID(0, 0) : after.id(), size + 1);
        };
        boolean more = found.size() > size;
        List<Investor> page = more ? found.subList(0, size) : found;
        String next = null;
        if (more) {
            Investor last = page.get(page.size() - 1);
            BigDecimal value = switch (order) {
                case ROUNDS -> BigDecimal.valueOf(last.rounds());
                case LEADS -> BigDecimal.valueOf(last.leads());
                case USD -> last.roundsUsd();
                case UNICORNS -> BigDecimal.valueOf(last.unicornsHeld());
            };
            next = new Cursor(value, last.id()).encode();
        }
        return new InvestorPage(page.stream().map(Investor::toData).toList(), next);
    }

    @Get("/{id}")
    Portfolios.Profile get(UUID id) {
        return portfolios.of(investors.findById(id).orElseThrow(() -> ProblemException.notFound("investor " + id)));
    }

    enum Sort { ROUNDS, LEADS, USD, UNICORNS }

    @Serdeable
    record InvestorPage(List<InvestorData> items, @Nullable String next) {
    }

    /** The sort value and id of a page's last investor, base64url so that it is opaque. */
    record Cursor(BigDecimal value, UUID id) {
        /** The count a rounds or leads cursor holds; a usd cursor's amount given to another sort is refused. */
        long whole() {
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                throw ProblemException.invalid("cursor", "is not a cursor of this sort");
            }
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((value.toPlainString() + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(@Nullable String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(new BigDecimal(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException | ArithmeticException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API handed out");
            }
        }
    }
}
