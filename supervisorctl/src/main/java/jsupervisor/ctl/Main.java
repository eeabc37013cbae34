package jsupervisor.ctl;

/** Entry point of supervisorctl. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("stub");
    }
}
