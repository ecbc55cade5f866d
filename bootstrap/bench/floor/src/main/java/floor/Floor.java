package floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** The whole application: a server with one JSON route, the one the start-up benchmark waits for. */
@Controller
public class Floor {

    public static void main(String[] args) {
        Micronaut.run(Floor.class, args);
    }

    @Get("/health")
    public Map<String, String> health() {
        return Map.of("status", "UP");
    }
}
