#include "cli/admin_password.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/admin_support.hpp"
#include "crypto/random.hpp"
#include "security/passwords.hpp"

namespace bulwark::cli::admin {

namespace {

std::string read_hidden_line(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  termios old{};
  const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::fprintf(stderr, "\n");
  return line;
}

}  // namespace

std::pair<std::string, bool> obtain_password(bool from_stdin,
                                             const std::vector<std::string>& context) {
  std::string password;
  bool generated = false;
  if (from_stdin) {
    std::getline(std::cin, password);
  } else if (isatty(STDIN_FILENO)) {
    password = read_hidden_line("New password: ");
    if (password.empty()) {
      generated = true;
    } else if (read_hidden_line("Repeat it: ") != password) {
      throw Failure("the passwords do not match");
    }
  } else {
    generated = true;
  }
  if (generated) return {crypto::random_token(18), true};
  if (auto problem = security::check_password_policy(password, context))
    throw Failure("password refused: " + problem->message);
  return {password, false};
}

}  // namespace bulwark::cli::admin
