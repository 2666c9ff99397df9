package com.example.service.platform.security;

import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler's {@link Caller} parameter from the authenticated token: its subject, and whether it carries the
 * scope {@code <module>:all} of the module the handler belongs to (the package below the application's).
 */
class CallerArguments implements HandlerMethodArgumentResolver {

    private final List<String> basePackages;

    CallerArguments(List<String> basePackages) {
        this.basePackages = basePackages;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("A caller is needed");
        }
        String all = "SCOPE_" + module(parameter.getContainingClass().getPackageName()) + ":all";
        boolean seesAll =
                authentication.getAuthorities().stream().anyMatch(authority -> all.equals(authority.getAuthority()));
        return new Caller(authentication.getName(), seesAll);
    }

    private String module(String handlerPackage) {
        for (String base : basePackages) {
            if (handlerPackage.startsWith(base + ".")) {
                String rest = handlerPackage.substring(base.length() + 1);
                int dot = rest.indexOf('.');
                return dot < 0 ? rest : rest.substring(0, dot);
            }
        }
        throw new IllegalStateException("A handler in " + handlerPackage + " belongs to no module of the service");
    }
}
