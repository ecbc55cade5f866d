package dev.parley.bootstrap.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.bootstrap.http.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** One read of {@code /prometheus}: each series (its name and labels, as written) and its value. */
public final class Scrape {

    private final Map<String, Double> values;
    private final String text;

    private Scrape(Map<String, Double> values, String text) {
        this.values = values;
        this.text = text;
    }

    public static Scrape of(ApiClient api) {
        ApiClient.Reply reply = api.get("/prometheus");
        assertThat(reply.status()).as("GET /prometheus").isEqualTo(200);
        Map<String, Double> values = new HashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Scrape(values, reply.body());
    }

    /** Scrapes until {@code condition} holds (within 30 s), for what a background thread records. */
    public static Scrape until(ApiClient api, Predicate<Scrape> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Scrape scrape = of(api);
        while (!condition.test(scrape)) {
            assertThat(System.nanoTime()).as("waiting for the series in %s", scrape.text).isLessThan(deadline);
            Thread.sleep(50);
            scrape = of(api);
        }
        return scrape;
    }

    /** The series' value; fails if the series is missing. */
    public double value(String series) {
        Double value = values.get(series);
        assertThat(value).as("series %s in:%n%s", series, text).isNotNull();
        return value;
    }

    /** The series' value, 0 when the series is missing. */
    public double valueOrZero(String series) {
        return values.getOrDefault(series, 0.0);
    }

    /** How much the series grew since {@code before}. */
    public double since(Scrape before, String series) {
        return value(series) - before.valueOrZero(series);
    }

    public String text() {
        return text;
    }
}
