package no.torn.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeoutException;

/**
 * Sends a request on to a service with Vert.x HTTP Proxy: identity headers stripped, forwarding headers (the public
 * address, see {@link PublicAddress}) and the request id set, the service's timeout applied; links in the answer
 * that name a service's internal address are rewritten to the public one. The request goes to the next instance in
 * rotation; when that one cannot be reached it leaves the rotation and the request is sent once to another
 * instance if that is safe (see {@link #retryable}). A failure that remains becomes a 503/504 problem naming the
 * service, and counts against its circuit breaker.
 */
@ApplicationScoped
public class Forwarder {

    public static final String REQUEST_ID = "X-Request-Id";

    private final PublicAddress publicAddress;

    @Inject
    public Forwarder(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    /**
     * @param uri           path and query as the service should see them
     * @param bufferedBody  the body when it was read for inspection, else null (then it is streamed)
     * @param bodyWasRead   true when the request stream was consumed to produce {@code bufferedBody}
     * @param guarded       true when the call counts for the service's circuit breaker
     */
    public void forward(RoutingContext ctx, Upstream upstream, String uri, Buffer bufferedBody, boolean bodyWasRead,
                        boolean guarded) {
        Attempt attempt = new Attempt(upstream.pick(null));
        HttpProxy proxy = HttpProxy.reverseProxy(attempt.instance.client())
                .origin(pc -> attempt.instance.client().request(attempt.instance.requestOptions(
                        upstream.timeoutMillis())).map(request -> {
                    // failures surface through the response future; nothing to log twice
                    request.exceptionHandler(ignored -> { });
                    return request;
                }))
                .addInterceptor(new Interceptor(publicAddress, ctx, upstream, attempt, uri, bufferedBody, bodyWasRead,
                        guarded));
        proxy.handle(bodyWasRead ? new ConsumedRequest(ctx.request()) : ctx.request());
    }

    /** The instance a request goes to; a retry moves it to another. */
    private static final class Attempt {
        Instance instance;
        boolean retried;

        Attempt(Instance instance) {
            this.instance = instance;
        }
    }

    /**
     * A request may be sent again to another instance when nothing reached the first (the connection was refused),
     * or when repeating it changes nothing: a read, or a write the service deduplicates by its Idempotency-Key.
     */
    static boolean retryable(HttpServerRequest request, Throwable failure) {
        if (failure instanceof java.net.ConnectException || failure instanceof io.netty.channel.ConnectTimeoutException) {
            return true;
        }
        if (failure instanceof TimeoutException) {
            return false; // the instance is alive but slow; another would wait as long, and the service's timeout holds
        }
        HttpMethod method = request.method();
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || request.getHeader("Idempotency-Key") != null;
    }

    private static final class Interceptor implements ProxyInterceptor {

        private final PublicAddress publicAddress;
        private final RoutingContext ctx;
        private final Upstream upstream;
        private final Attempt attempt;
        private final String uri;
        private final Buffer bufferedBody;
        private final boolean bodyWasRead;
        private final boolean guarded;

        Interceptor(PublicAddress publicAddress, RoutingContext ctx, Upstream upstream, Attempt attempt, String uri,
                    Buffer bufferedBody, boolean bodyWasRead, boolean guarded) {
            this.publicAddress = publicAddress;
            this.ctx = ctx;
            this.upstream = upstream;
            this.attempt = attempt;
            this.uri = uri;
            this.bufferedBody = bufferedBody;
            this.bodyWasRead = bodyWasRead;
            this.guarded = guarded;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext pc) {
            ProxyRequest request = pc.request();
            HttpServerRequest incoming = request.proxiedRequest();
            MultiMap headers = request.headers();
            IdentityHeaders.strip(headers);
            headers.set(REQUEST_ID, (String) ctx.get(EdgeHandler.REQUEST_ID_KEY));
            publicAddress.setForwardingHeaders(incoming, headers);
            return send(pc)
                    .map(response -> {
                        if (guarded) {
                            int status = response.getStatusCode();
                            if (status == 502 || status == 503 || status == 504) {
                                upstream.breaker().onFailure();
                            } else {
                                upstream.breaker().onSuccess();
                            }
                        }
                        return response;
                    })
                    .recover(failure -> {
                        boolean clientGone = ctx.response().closed() || failure instanceof StreamResetException;
                        if (guarded) {
                            // a client that hung up says nothing about the service's health
                            if (clientGone) {
                                upstream.breaker().onAbandoned();
                            } else {
                                upstream.breaker().onFailure();
                            }
                        }
                        return Future.succeededFuture(problem(pc, failure));
                    });
        }

        /** Sends to the attempt's instance; once more to another instance when the failure allows it. */
        private Future<ProxyResponse> send(ProxyContext pc) {
            ProxyRequest request = pc.request();
            request.setURI(attempt.instance.upstreamUri(uri));
            if (bodyWasRead) {
                request.setBody(bufferedBody == null || bufferedBody.length() == 0 ? null : Body.body(bufferedBody));
            } else if (attempt.retried) {
                request.setBody(null); // a request without a body: the first attempt has ended its (empty) stream
            }
            return pc.sendRequest().recover(failure -> {
                boolean clientGone = ctx.response().closed() || failure instanceof StreamResetException;
                if (!clientGone && !(failure instanceof TimeoutException)) {
                    attempt.instance.markHealthy(false); // out of rotation until its probe answers again
                }
                Instance other = attempt.retried || clientGone ? null : upstream.pick(attempt.instance);
                if (other == null || !retryable(request.proxiedRequest(), failure)) {
                    return Future.failedFuture(failure);
                }
                attempt.retried = true;
                attempt.instance = other;
                ctx.put(EdgeHandler.UPSTREAM_RETRY_KEY, failure.getClass().getSimpleName());
                return send(pc);
            });
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext pc) {
            pc.response().headers().remove(REQUEST_ID);
            publicAddress.rewriteLinks(ctx.request(), pc.response().headers());
            return pc.sendResponse();
        }

        private ProxyResponse problem(ProxyContext pc, Throwable failure) {
            Problems.Kind kind;
            String detail;
            if (failure instanceof TimeoutException) {
                kind = Problems.Kind.GATEWAY_TIMEOUT;
                detail = "The " + upstream.serviceName() + " did not answer within " + upstream.timeoutMillis()
                        + " ms";
            } else {
                kind = Problems.Kind.SERVICE_UNAVAILABLE;
                detail = "The " + upstream.serviceName() + " is unavailable";
            }
            ctx.put(EdgeHandler.UPSTREAM_FAILURE_KEY, failure.getClass().getSimpleName());
            Buffer body = Problems.buffer(kind, detail, upstream.serviceName());
            return pc.request().release().response()
                    .setStatusCode(kind.status())
                    .putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .setBody(Body.body(body));
        }
    }
}
