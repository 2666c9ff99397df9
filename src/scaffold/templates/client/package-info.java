/** The {{module}} module's client of {{provider}}'s API: internal to the module. */
@NullMarked
package {{package}}.{{module}}.{{client}};

import org.jspecify.annotations.NullMarked;
