/* The shipped solvers in C, in the precision REAL names (compiled twice: -DREAL=double and
 * -DREAL=float, by `make build` into .cache/bin/), each with a mutant that loses an order:
 *
 *   order-solvers-double ode euler|heun|rk4 N [mutant]   y' = y cos t, y(0) = 1, error at t = 2
 *   order-solvers-double quad trapezoid|simpson|gauss N [mutant]   integral of exp over [0, 1]
 *   order-solvers-double poisson N [mutant]   -u'' = pi^2 sin(pi x), largest nodal error
 *
 * Prints the error on its last line. Every operation rounds to REAL; the exact solutions are
 * computed in double.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef REAL
#define REAL double
#endif

static REAL f(REAL t, REAL y) { return y * (REAL)cos((double)t); }

static REAL ode_step(const char *method, REAL t, REAL y, REAL h, int mutant) {
  if (strcmp(method, "euler") == 0) return y + h * f(mutant ? (REAL)0 : t, y);
  if (strcmp(method, "heun") == 0) {
    REAL k1 = f(t, y);
    REAL k2 = f(mutant ? t : t + h, y + h * k1);
    return y + h / 2 * (k1 + k2);
  }
  REAL k1 = f(t, y);
  REAL k2 = f(t + h / 2, y + h / 2 * k1);
  REAL k3 = f(t + h / 2, y + h / 2 * k2);
  REAL k4 = f(t + h, y + h * (mutant ? k2 : k3));
  return y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
}

static double ode(const char *method, int n, int mutant) {
  REAL h = (REAL)2 / (REAL)n, t = 0, y = 1;
  for (int i = 0; i < n; i++) {
    y = ode_step(method, t, y, h, mutant);
    t = (REAL)(i + 1) * h;
  }
  return fabs((double)y - exp(sin(2.0)));
}

static REAL e(REAL x) { return (REAL)exp((double)x); }

static double quad(const char *rule, int n, int mutant) {
  REAL h = (REAL)1 / (REAL)n, sum = 0;
  if (strcmp(rule, "trapezoid") == 0) {
    REAL ends = mutant ? (REAL)1 : (REAL)0.5; /* mutant: the end points get weight 1 */
    for (int i = 1; i < n; i++) sum += e((REAL)i * h);
    sum = h * (ends * (e(0) + e(1)) + sum);
    return fabs((double)sum - (exp(1.0) - 1));
  }
  for (int i = 0; i < n; i++) {
    REAL a = (REAL)i * h, b = (REAL)(i + 1) * h, c = a + h / 2;
    if (strcmp(rule, "simpson") == 0) {
      REAL wm = mutant ? 3 : 4, we = mutant ? (REAL)1.5 : 1; /* mutant: weights 1.5, 3, 1.5 */
      sum += h / 6 * (we * (e(a) + e(b)) + wm * e(c));
    } else {
      REAL g = mutant ? (REAL)0.5 : (REAL)(1 / sqrt(3.0)); /* mutant: nodes at +-1/2 */
      sum += h / 2 * (e(c - h / 2 * g) + e(c + h / 2 * g));
    }
  }
  return fabs((double)sum - (exp(1.0) - 1));
}

static double poisson(int n, int mutant) {
  int m = n - 1;
  REAL h = (REAL)1 / (REAL)n;
  REAL *c = calloc(m, sizeof(REAL)), *d = calloc(m, sizeof(REAL)), *u = calloc(m, sizeof(REAL));
  if (!c || !d || !u) return NAN;
  for (int i = 0; i < m; i++) {
    REAL x = (REAL)(i + 1) * h, at = mutant ? x + h / 2 : x; /* mutant: rhs half a cell off */
    REAL rhs = (REAL)(M_PI * M_PI) * (REAL)sin(M_PI * (double)at) * h * h;
    REAL denom = (REAL)2 + (i > 0 ? c[i - 1] : 0);
    c[i] = (REAL)-1 / denom;
    d[i] = (rhs + (i > 0 ? d[i - 1] : 0)) / denom;
  }
  double worst = 0;
  for (int i = m - 1; i >= 0; i--) {
    u[i] = d[i] - c[i] * (i + 1 < m ? u[i + 1] : 0);
    double err = fabs((double)u[i] - sin(M_PI * (double)(i + 1) / n));
    if (err > worst) worst = err;
  }
  free(c);
  free(d);
  free(u);
  return worst;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s ode|quad METHOD N [mutant] | poisson N [mutant]\n", argv[0]);
    return 2;
  }
  int poissonCase = strcmp(argv[1], "poisson") == 0;
  int n = atoi(argv[poissonCase ? 2 : 3]);
  int mutant = argc > (poissonCase ? 3 : 4) && strcmp(argv[poissonCase ? 3 : 4], "mutant") == 0;
  if (n < 1) {
    fprintf(stderr, "N must be a whole number >= 1\n");
    return 2;
  }
  double error;
  if (poissonCase) error = poisson(n, mutant);
  else if (strcmp(argv[1], "ode") == 0) error = ode(argv[2], n, mutant);
  else error = quad(argv[2], n, mutant);
  printf("%.17g\n", error);
  return 0;
}
