package org.lantern.server.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every {@code /api/v1} endpoint the server really maps is in the OpenAPI document at
 * {@code /api/openapi.json}, with each of its query and path parameters, so API clients can rely on
 * the document. The endpoints are read from Spring's own request mappings, not listed by hand.
 */
@PersistenceTest
@AutoConfigureMockMvc
class OpenApiCoverageTest {

    private static final DefaultParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final Pattern PATH_VARIABLE_WITH_REGEX = Pattern.compile("\\{(\\w+):(?:[^{}]|\\{[^{}]*})*}");

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document;

    /** One mapped operation and the parameter names its handler binds from the path and query. */
    record Endpoint(String method, String path, Set<String> parameters) {
        @Override
        public String toString() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    @BeforeEach
    void readDocument() throws Exception {
        document = new ObjectMapper().readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString());
    }

    private List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                String path = openApiPath(pattern);
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(method.name().toLowerCase(Locale.ROOT), path, parameters(mapping.getValue())));
                }
            }
        }
        return endpoints;
    }

    /** {@code /incidents/{id:\d+}} as OpenAPI writes it: {@code /incidents/{id}}. */
    private static String openApiPath(String pattern) {
        Matcher m = PATH_VARIABLE_WITH_REGEX.matcher(pattern);
        return m.replaceAll("{$1}");
    }

    private static Set<String> parameters(HandlerMethod handler) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
                continue;
            }
            RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
            if (query != null) {
                names.add(query.name().isEmpty() ? parameter.getParameterName() : query.name());
            } else if (path != null) {
                names.add(path.name().isEmpty() ? parameter.getParameterName() : path.name());
            }
        }
        return names;
    }

    @Test
    void everyApiV1EndpointIsDocumentedWithEachOfItsParameters() {
        List<String> missing = new ArrayList<>();
        for (Endpoint endpoint : apiEndpoints()) {
            JsonNode operation = document.path("paths").path(endpoint.path()).path(endpoint.method());
            if (operation.isMissingNode()) {
                missing.add(endpoint + " is not in /api/openapi.json");
                continue;
            }
            Set<String> documented = new HashSet<>();
            operation.path("parameters").forEach(p -> documented.add(p.path("name").asText()));
            // A multipart part such as an uploaded file is a field of the request body, not a parameter.
            operation.path("requestBody").path("content").forEach(media ->
                    media.path("schema").path("properties").fieldNames().forEachRemaining(documented::add));
            for (String parameter : endpoint.parameters()) {
                if (!documented.contains(parameter)) {
                    missing.add(endpoint + " does not document parameter '" + parameter + "'");
                }
            }
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void theCheckFindsTheMappedApiEndpointsWithTheirParameters() {
        assertThat(apiEndpoints()).contains(
                new Endpoint("get", "/api/v1/reports/governors", Set.of("year")),
                new Endpoint("get", "/api/v1/incidents/{id}", Set.of("id")),
                new Endpoint("post", "/api/v1/incidents", Set.of()));
    }
}
