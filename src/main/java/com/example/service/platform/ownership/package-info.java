/** Who owns what: the team named on each module, checked against {@code .github/CODEOWNERS}. */
@NullMarked
package com.example.service.platform.ownership;

import org.jspecify.annotations.NullMarked;
