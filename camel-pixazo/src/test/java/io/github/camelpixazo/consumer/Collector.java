package io.github.camelpixazo.consumer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.github.camelpixazo.PixazoComponent;
import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.store.JobStore;
import io.github.camelpixazo.support.GatewayStub;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One instance of an application that submits and collects jobs: a CamelContext whose pixazo component uses a given
 * store (a directory or a DataSource), with a route {@code direct:submit} to {@code pixazo:generate} (submit only) and a
 * {@code pixazo:jobs} route recording the request id of every exchange it receives. For the restart and several
 * instance tests, and the benchmark.
 */
public final class Collector implements AutoCloseable {

    private final CamelContext context = new DefaultCamelContext();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> listener = id -> { };

    /**
     * @param store     a directory (String) or a DataSource
     * @param consumer  the pixazo:jobs options, e.g. "delay=20&initialDelay=0"; null for no consumer
     * @param configure a last say over the component
     */
    public Collector(String name, String baseUrl, Object store, String consumer, Consumer<PixazoComponent> configure)
            throws Exception {
        context.getCamelContextExtension().setName(name);
        PixazoComponent pixazo = new PixazoComponent();
        pixazo.getConfiguration().setBaseUrl(baseUrl);
        pixazo.getConfiguration().setApiKey(GatewayStub.KEY);
        pixazo.getConfiguration().setPollInterval(20);
        pixazo.getConfiguration().setMaxPollInterval(100);
        pixazo.getConfiguration().setRetryDelay(10);
        if (store instanceof DataSource dataSource) {
            pixazo.setJobStoreDataSource(dataSource);
        } else if (store instanceof JobStore jobStore) {
            pixazo.setJobStore(jobStore);
        } else {
            pixazo.setJobStoreDirectory(String.valueOf(store));
        }
        if (configure != null) {
            configure.accept(pixazo);
        }
        context.addComponent("pixazo", pixazo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:submit").to("pixazo:generate?waitForCompletion=false");
                if (consumer != null) {
                    from("pixazo:jobs?" + consumer).routeId("collect")
                            .process(e -> {
                                String id = e.getMessage().getHeader(PixazoConstants.REQUEST_ID, String.class);
                                received.add(id);
                                listener.accept(id);
                            });
                }
            }
        });
        context.getShutdownStrategy().setTimeout(20);
        context.start();
    }

    /** Submits one prompt; returns the request id. */
    public String submit(String prompt) {
        return context.createProducerTemplate().requestBody("direct:submit", prompt, Object.class) instanceof
                io.github.camelpixazo.gateway.SubmittedJob job ? job.requestId() : null;
    }

    /** Also told about each request id received, on the route's thread. */
    public void onReceived(Consumer<String> listener) {
        this.listener = listener;
    }

    public List<String> received() {
        return received;
    }

    public CamelContext context() {
        return context;
    }

    public JobStore store() throws Exception {
        return context.getComponent("pixazo", PixazoComponent.class).jobStore();
    }

    @Override
    public void close() {
        context.stop();
    }
}
