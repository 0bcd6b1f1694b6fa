package dev.modelport.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every servlet service with a database answers a database outage as 503 JSON, in filters too. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JdbcTemplate.class)
public class ApiErrorsAutoConfiguration {

    /** Just outside Spring Security's filter chain (order -100), so its filters are wrapped too. */
    static final int ORDER = -101;

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(Environment environment) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailableFilter(environment.getProperty("spring.application.name", "service")));
        registration.setOrder(ORDER);
        return registration;
    }
}
