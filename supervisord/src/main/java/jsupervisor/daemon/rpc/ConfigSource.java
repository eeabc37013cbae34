package jsupervisor.daemon.rpc;

import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.Configuration;

/**
 * Reads the configuration again, from the same files and command line the daemon started with
 * ({@code options.process_config(do_usage=False)}); {@code reloadConfig} calls it on the loop thread.
 */
@FunctionalInterface
public interface ConfigSource {
    Configuration load() throws ConfigException;
}
