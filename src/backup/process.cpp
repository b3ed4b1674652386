#include "backup/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <stdexcept>

extern char** environ;  // NOLINT(readability-redundant-declaration)

namespace bulwark::backup {

namespace {

struct Spawned {
  pid_t pid = -1;
  int fd = -1;  // our end of the pipe
};

// Environment: ours, minus the names we set, plus `env`.
std::vector<std::string> merged_env(const EnvVars& env) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    std::string_view kv(*e);
    bool overridden = false;
    for (const auto& [k, v] : env)
      if (kv.starts_with(k + "=")) overridden = true;
    if (!overridden) out.emplace_back(kv);
  }
  for (const auto& [k, v] : env) {
    std::string kv = k;
    kv += '=';
    kv += v;
    out.push_back(std::move(kv));
  }
  return out;
}

Spawned spawn(const std::vector<std::string>& argv, const EnvVars& env, bool child_writes) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const int child_end = child_writes ? fds[1] : fds[0];
  const int our_end = child_writes ? fds[0] : fds[1];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, child_end,
                                   child_writes ? STDOUT_FILENO : STDIN_FILENO);
  std::vector<char*> args, envp;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const auto envs = merged_env(env);
  for (const auto& e : envs) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  Spawned s;
  const int rc = posix_spawnp(&s.pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(child_end);
  if (rc != 0) {
    close(our_end);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  s.fd = our_end;
  return s;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

}  // namespace

int run_reading(const std::vector<std::string>& argv, const EnvVars& env,
                const std::function<void(std::string_view)>& sink) {
  Spawned s = spawn(argv, env, true);
  std::string buf(64 * 1024, '\0');
  try {
    for (;;) {
      const ssize_t n = read(s.fd, buf.data(), buf.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      sink(std::string_view(buf.data(), static_cast<std::size_t>(n)));
    }
  } catch (...) {
    close(s.fd);
    kill(s.pid, SIGTERM);
    wait_for(s.pid);
    throw;
  }
  close(s.fd);
  return wait_for(s.pid);
}

int run_writing(const std::vector<std::string>& argv, const EnvVars& env,
                const std::function<void(const std::function<void(std::string_view)>&)>& feed) {
  // A child that exits early must not kill us with SIGPIPE: write gets EPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  Spawned s = spawn(argv, env, false);
  bool broken = false;
  auto writer = [&](std::string_view data) {
    while (!data.empty() && !broken) {
      const ssize_t n = write(s.fd, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        broken = true;
        break;
      }
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  };
  try {
    feed(writer);
  } catch (...) {
    close(s.fd);
    kill(s.pid, SIGTERM);
    wait_for(s.pid);
    throw;
  }
  close(s.fd);
  const int status = wait_for(s.pid);
  return broken && status == 0 ? 1 : status;
}

}  // namespace bulwark::backup
