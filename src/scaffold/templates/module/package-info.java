/** {{description}} */
@OwnedBy("{{owner}}")
@ApplicationModule(displayName = "{{Module}}")
@NullMarked
package {{package}}.{{module}};

import {{package}}.platform.ownership.OwnedBy;
import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
