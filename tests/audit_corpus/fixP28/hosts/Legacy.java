public final class Legacy {
    private static final String OLD_HOST = "https://api.akool.com";
    private static final String NEW_HOST = "https://openapi.akool.com";

    public static String fix(String url) {
        return url.startsWith(OLD_HOST) ? NEW_HOST + url.substring(OLD_HOST.length()) : url;
    }
}
