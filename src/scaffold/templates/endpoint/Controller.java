package {{package}}.{{module}}.web;

import {{package}}.{{module}}.{{Module}}Features;
{{#variables}}
import {{package}}.platform.security.Caller;
import {{package}}.platform.security.OwnerScoped;
{{/variables}}
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
{{#body}}
import jakarta.validation.Valid;
{{/body}}
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
{{#variables}}
import org.springframework.web.bind.annotation.PathVariable;
{{/variables}}
{{#body}}
import org.springframework.web.bind.annotation.RequestBody;
{{/body}}
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.togglz.spring.web.FeaturesAreActive;

/** {{method}} {{path}}: {{summary}}. See {{change}}. */
@RestController
@Tag(name = "{{ModuleDisplay}}")
class {{Operation}}Controller {

    @RequestMapping(
            method = RequestMethod.{{method}},
            path = "{{path}}",
{{#body}}
            consumes = MediaType.APPLICATION_JSON_VALUE,
{{/body}}
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('SCOPE_{{scope}}')")
    @FeaturesAreActive(features = {{Module}}Features.Names.{{flag}})
    @Operation(
            operationId = "{{operation}}",
            summary = "{{summary}}",
            description = "Needs scope {{scope}}. Behind flag {{flag}}: 404 while it is off.")
    @ApiResponse(responseCode = "200", description = "Done")
    @ApiResponse(responseCode = "404", description = "The flag is off")
{{#variables}}
    @OwnerScoped
{{/variables}}
    {{Operation}}Response {{operation}}({{handlerParameters}}) {
        // Business logic: call the {{module}} module's API here and answer with what it did.
{{#variables}}
        // Answer a resource the caller may not see (!caller.mayAccess(its owner)) exactly as a missing one, or, if it
        // belongs to no one, replace @OwnerScoped and the Caller with @NotOwned(reason = "...").
{{/variables}}
        return new {{Operation}}Response({{responseArguments}});
    }
}
