package org.lantern.server.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.expression.DefaultHttpSecurityExpressionHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks a controller method's {@code @PreAuthorize} before Spring binds its arguments. Method
 * security alone runs after binding, so a user without the permission who sent a malformed request
 * would learn from a 400 what the endpoint expects; here they get 403 first. The annotation stays
 * the one statement of who may call the method, and method security still checks it again.
 */
@Configuration
class PermissionBeforeBinding implements WebMvcConfigurer, HandlerInterceptor {

    private final DefaultHttpSecurityExpressionHandler expressions = new DefaultHttpSecurityExpressionHandler();
    private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

    /** The context resolves a rule's bean references ({@code @bean.method(authentication)}) as method security does. */
    PermissionBeforeBinding(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return true;
        }
        Supplier<Authentication> user = () -> SecurityContextHolder.getContext().getAuthentication();
        EvaluationContext context = expressions.createEvaluationContext(user, new RequestAuthorizationContext(request));
        Expression expression = parsed.computeIfAbsent(rule.value(), expressions.getExpressionParser()::parseExpression);
        if (!ExpressionUtils.evaluateAsBoolean(expression, context)) {
            throw new AccessDeniedException("Access denied");
        }
        return true;
    }
}
