package jsupervisor.daemon;

/** Entry point of supervisord. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("stub");
    }
}
