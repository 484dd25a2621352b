package no.torn.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;

/**
 * A request whose body the gateway has already read (to inspect it) and forwards from its buffer. The proxy still
 * pauses and resumes the request stream as if it were to be piped; on HTTP/2 (h2c, or h2 behind TLS) Vert.x refuses
 * that on an ended stream ("Request has already been read"), so here those calls do nothing. Everything else goes to
 * the request.
 */
final class ConsumedRequest extends HttpServerRequestWrapper {

    ConsumedRequest(HttpServerRequest request) {
        super((HttpServerRequestInternal) request);
    }

    @Override
    public HttpServerRequest pause() {
        return this;
    }

    @Override
    public HttpServerRequest resume() {
        return this;
    }

    @Override
    public HttpServerRequest fetch(long amount) {
        return this;
    }

    @Override
    public HttpServerRequest handler(Handler<Buffer> handler) {
        return this;
    }

    @Override
    public HttpServerRequest endHandler(Handler<Void> handler) {
        return this;
    }
}
