public static final String {{flag}} = "{{flag}}";
