package {{package}}.{{module}};

import org.togglz.core.Feature;

/** The feature flags of the {{module}} module. Every flag is off until someone switches it on. */
public enum {{Module}}Features implements Feature {
    ; // scaffold:flags (./scaffold adds each new flag above this line)

    /** Flag names as constants, for annotations. */
    public static final class Names {

        // scaffold:flag-names

        private Names() {}
    }
}
