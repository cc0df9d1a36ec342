package org.lantern.server.identity;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes how API clients authenticate in the OpenAPI document at {@code /api/openapi.json}. */
@Configuration
class ApiDocumentation {

    static final String BEARER = "bearerToken";

    @Bean
    OpenAPI lanternOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Lantern API").version("v1")
                        .description("Lantern's REST API. Create a token with `lantern token create --user NAME`; "
                                + "it acts with exactly that account's permissions."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token from `lantern token create`.")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
