/**
 * The daemon's logs, without a logging framework: Supervisor's main (activity) log ({@link
 * jsupervisor.daemon.logging.DaemonLog}, {@link jsupervisor.daemon.logging.StartupMessages}), child output
 * logs ({@link jsupervisor.daemon.logging.ChildLog}) and the destinations they share ({@link
 * jsupervisor.daemon.logging.RotatingFileSink}, {@link jsupervisor.daemon.logging.StreamSink}, {@link
 * jsupervisor.daemon.logging.SyslogSink}).
 *
 * <p>Ports {@code supervisor/loggers.py} and the logging half of {@code supervisor/dispatchers.py}. Everything
 * here is confined to the supervisor loop thread and holds no locks. The package depends on no other project
 * package: paths, sizes, levels, the wall clock and error callbacks come in through constructors.
 */
package jsupervisor.daemon.logging;
