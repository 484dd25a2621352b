package no.torn.grants.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import no.torn.grants.application.Awards;
import no.torn.grants.application.Awards.Award;
import no.torn.grants.application.OpenData;
import no.torn.grants.domain.OrganisationNumbers;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published awards as open data, without a token (the gateway routes {@code /api/v1/open-data/**} unauthenticated):
 * JSON pages, CSV and 360Giving JSON, with ETag and Last-Modified for conditional GETs. Only published awards, and no
 * person's name or id.
 */
@Path("/api/v1/open-data")
@PermitAll
@Tag(name = "Open data", description = "Published TØRN awards as open data (NLOD 2.0), no token needed")
public class OpenDataResource {

    public static final String CSV = "text/csv";
    public static final String GIVING = "application/vnd.360giving+json";
    /** Prefix of the 360Giving grant ids. */
    static final String ID_PREFIX = "360G-torn-";
    static final String LICENSE = "https://data.norge.no/nlod/no/2.0";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final MediaType GIVING_TYPE = MediaType.valueOf(GIVING);
    private static final String CSV_HEADER = "id,year,programme,rhf,rhfName,hf,hfName,title,department,description,"
            + "fromGroup,toGroup,taskCodes,kind,amountAwarded,currency,awardDate,completed,publishedAt";

    /** The JSON page as documented: a page of published awards with the total. */
    public record AwardPage(List<Award> items, int page, int size, long total) {
    }

    @Inject
    Awards awards;

    @Inject
    OpenData openData;

    @Inject
    ObjectMapper mapper;

    @GET
    @Path("/awards")
    @Produces({MediaType.APPLICATION_JSON, CSV, GIVING})
    @Operation(operationId = "listOpenAwards",
            summary = "Published awards as open data: JSON pages, CSV or 360Giving JSON by Accept",
            description = "No token needed. Accept application/json (default) gives one page with the total; "
                    + "text/csv the whole filtered list as CSV; application/vnd.360giving+json the whole filtered "
                    + "list in the 360Giving Data Standard. ETag and Last-Modified are sent; If-None-Match or "
                    + "If-Modified-Since answer 304 when nothing changed.")
    @APIResponse(responseCode = "200", description = "The published awards", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AwardPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = GIVING, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag or date the client holds")
    @APIResponse(responseCode = "400", description = "Invalid filter (rhf, year, page, size)",
            content = @Content(mediaType = "application/problem+json"))
    public Response list(@Parameter(description = "RHF code, e.g. helse-sor-ost") @QueryParam("rhf") String rhf,
                         @Parameter(description = "Round year, e.g. 2023") @QueryParam("year") String year,
                         @Parameter(description = "HF code, e.g. sunnaas") @QueryParam("hf") String hf,
                         @Valid @BeanParam PageRequest page, @Context HttpHeaders headers,
                         @Context Request request) {
        MediaType wanted = negotiate(headers);
        if (wanted.isCompatible(CSV_TYPE)) {
            return csv(rhf, year, hf, request);
        }
        if (wanted.isCompatible(GIVING_TYPE)) {
            return giving(rhf, year, hf, request);
        }
        Integer y = QueryParams.integer(year, "year");
        return conditional(request, awards.lastModified(rhf, y, hf), json(awards.list(rhf, y, hf, page)),
                MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/awards.csv")
    @Produces(CSV)
    @Operation(operationId = "getOpenAwardsCsv", summary = "Published awards as CSV (RFC 4180, UTF-8, header row)",
            description = "No token needed. The whole list narrowed by rhf, hf and year; ETag and Last-Modified "
                    + "allow conditional GETs (304).")
    @APIResponse(responseCode = "200", description = "The published awards as CSV",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = "application/problem+json"))
    public Response csv(@Parameter(description = "RHF code") @QueryParam("rhf") String rhf,
                        @Parameter(description = "Round year") @QueryParam("year") String year,
                        @Parameter(description = "HF code") @QueryParam("hf") String hf, @Context Request request) {
        Integer y = QueryParams.integer(year, "year");
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Award a : awards.all(rhf, y, hf)) {
            List<Object> cells = List.of(ID_PREFIX + a.applicationId(), a.year(), a.programme(), a.rhf(),
                    a.rhfName(), a.hf(), a.hfName(), a.title(), a.department(), a.description(), a.fromGroup(),
                    a.toGroup(), String.join(" ", a.taskCodes()), a.kind(), a.amount(), "NOK", awardDate(a),
                    a.completed(), a.publishedAt());
            List<String> row = new ArrayList<>(cells.size());
            for (Object cell : cells) {
                row.add(cell(cell));
            }
            out.append(String.join(",", row)).append("\r\n");
        }
        return conditional(request, awards.lastModified(rhf, y, hf), out.toString(), CSV + "; charset=UTF-8");
    }

    @GET
    @Path("/awards.360giving.json")
    @Produces({GIVING, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getOpenAwards360Giving",
                summary = "Published awards in the 360Giving Data Standard (JSON)",
            description = "No token needed. Each grant has the standard's required fields; organisations are "
                    + "identified as NO-BRC-<organisation number>. An award whose HF or RHF has no verified "
                    + "organisation number is left out rather than given an unregistered identifier.")
    @APIResponse(responseCode = "200", description = "A 360Giving grants package", content = {
            @Content(mediaType = GIVING, schema = @Schema(type = SchemaType.OBJECT)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT))})
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "400", description = "Invalid filter",
            content = @Content(mediaType = "application/problem+json"))
    public Response giving(@Parameter(description = "RHF code") @QueryParam("rhf") String rhf,
                           @Parameter(description = "Round year") @QueryParam("year") String year,
                           @Parameter(description = "HF code") @QueryParam("hf") String hf,
                           @Context Request request) {
        Integer y = QueryParams.integer(year, "year");
        Map<String, String> numbers = openData.organisationNumbers();
        List<Map<String, Object>> grants = awards.all(rhf, y, hf).stream()
                .filter(a -> numbers.containsKey(a.hf()) && numbers.containsKey(a.rhf()))
                .map(a -> grant(a, numbers)).toList();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("license", LICENSE);
        doc.put("grants", grants);
        return conditional(request, awards.lastModified(rhf, y, hf), json(doc), GIVING);
    }

    private static Map<String, Object> grant(Award a, Map<String, String> numbers) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("id", ID_PREFIX + a.applicationId());
        g.put("title", a.title());
        g.put("description", a.description());
        g.put("currency", "NOK");
        g.put("amountAwarded", a.amount());
        g.put("awardDate", awardDate(a));
        g.put("recipientOrganization", List.of(Map.of("id", OrganisationNumbers.orgId(numbers.get(a.hf())),
                "name", a.hfName())));
        g.put("fundingOrganization", List.of(Map.of("id", OrganisationNumbers.orgId(numbers.get(a.rhf())),
                "name", a.rhfName())));
        g.put("grantProgramme", List.of(Map.of("code", "torn-" + a.year() + "-" + a.programme(),
                "title", "TØRN " + a.year() + " (" + a.programme() + ")")));
        return g;
    }

    /** The award date is the Norwegian calendar day of the decision (of publishing, for awards without one). */
    private static String awardDate(Award a) {
        Instant at = a.awardedAt() != null ? a.awardedAt() : a.publishedAt();
        return at == null ? null : Today.dateOf(at).toString();
    }

    /** JSON unless the client prefers CSV or 360Giving; a wildcard gets JSON. */
    private static MediaType negotiate(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (type.isCompatible(CSV_TYPE) && !type.isWildcardSubtype()) {
                return CSV_TYPE;
            }
            if (type.isCompatible(GIVING_TYPE) && !type.isWildcardSubtype()) {
                return GIVING_TYPE;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /**
     * The body with a strong ETag (a hash of exactly these bytes) and Last-Modified (the last publish, withdrawal or
     * completion in the filtered list, to the second); 304 when the client's copy is current.
     */
    private static Response conditional(Request request, Instant lastModified, String body, String type) {
        EntityTag etag = new EntityTag(sha256(body));
        Date modified = lastModified == null ? null : Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = modified == null ? request.evaluatePreconditions(etag)
                : request.evaluatePreconditions(modified, etag);
        Response.ResponseBuilder builder = notModified != null ? notModified : Response.ok(body, type);
        builder.tag(etag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).header(HttpHeaders.CACHE_CONTROL,
                "public, max-age=60");
        if (modified != null) {
            builder.lastModified(modified);
        }
        return builder.build();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Open data could not be written as JSON", e);
        }
    }

    /** One RFC 4180 cell; a text starting like a spreadsheet formula is prefixed with ' so it stays text. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String sha256(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
