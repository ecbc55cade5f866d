package dev.parley.adapters.llm;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK {@link HttpClient} under LangChain4j's {@code JdkHttpClient}, passing everything through
 * except one thing: an answer that is not a 2xx becomes a {@link ProviderStatusException} carrying
 * the status and the {@code Retry-After} headers. LangChain4j's own {@code HttpException} keeps the
 * status but drops the headers (and holds the body, which may echo the prompt), so the adapter
 * could neither honour {@code Retry-After} nor report safely without this.
 */
final class StatusKeepingHttpClient extends HttpClient {

    private final HttpClient delegate;

    private StatusKeepingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException, InterruptedException {
        HttpResponse<T> response = delegate.send(request, handler);
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            if (response.body() instanceof AutoCloseable body) {
                closeQuietly(body);
            }
            throw new ProviderStatusException(status, response.headers().firstValue("Retry-After"),
                    response.headers().firstValue("retry-after-ms"));
        }
        return response;
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static void closeQuietly(AutoCloseable body) {
        try {
            body.close();
        } catch (Exception ignored) {
            // the connection is dropped either way
        }
    }

    /**
     * The builder handed to LangChain4j's {@code JdkHttpClientBuilder}: it sets up the JDK client as
     * LangChain4j asks and wraps what it builds. {@link #built()} is the client, for closing it.
     */
    static final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;
        private StatusKeepingHttpClient built;

        Builder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public synchronized HttpClient build() {
            built = new StatusKeepingHttpClient(delegate.build());
            return built;
        }

        synchronized Optional<StatusKeepingHttpClient> built() {
            return Optional.ofNullable(built);
        }
    }
}
