package com.example.service.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeValidatorTests {

    private final CountryCodeValidator validator = new CountryCodeValidator();

    @ParameterizedTest
    @ValueSource(strings = {"DE", "GB", "FR", "US", "JP"})
    @NullSource
    void isValidWhenIsoAlpha2OrAbsentShouldAccept(String code) {
        assertThat(validator.isValid(code, null)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "XX", "UK", "DEU", "D", ""})
    void isValidWhenNotAnIsoAlpha2CodeShouldRefuse(String code) {
        assertThat(validator.isValid(code, null)).isFalse();
    }
}
