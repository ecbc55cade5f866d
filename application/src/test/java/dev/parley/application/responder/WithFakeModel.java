package dev.parley.application.responder;

import dev.parley.adapters.llm.OpenAiLanguageModel;
import dev.parley.adapters.llm.testing.FakeOpenAi;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests share one fake OpenAI-compatible server and the real LangChain4j model
 * talking to it (10 s timeout), started before the class's first test and closed after its last.
 * The fields are the running class's: test classes run one after another (no parallel execution).
 */
abstract class WithFakeModel {

    static FakeOpenAi fake;
    static OpenAiLanguageModel model;

    @BeforeAll
    static void startFakeModel() {
        fake = FakeOpenAi.start();
        model = ResponderRig.modelOf(fake, Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopFakeModel() {
        model.close();
        fake.close();
    }
}
