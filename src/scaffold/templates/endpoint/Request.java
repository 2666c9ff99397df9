package {{package}}.{{module}}.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {{method}} {{path}}: one component per input, each with its validation. */
record {{Operation}}Request(@NotBlank @Size(max = 100) String reference) {}
