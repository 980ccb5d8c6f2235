package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// commandFlags is each command's flag set, for completion and the man
// page; the same sets the commands parse.
func commandFlags() map[string]*flag.FlagSet {
	run, _ := runFlags(io.Discard)
	inspect, _ := inspectFlags(io.Discard)
	hist, _ := historyFlags(io.Discard, "history")
	trends, _ := historyFlags(io.Discard, "trends")
	return map[string]*flag.FlagSet{"run": run, "inspect": inspect, "history": hist, "trends": trends}
}

// flagNames lists a flag set's flags as "--name".
func flagNames(fs *flag.FlagSet) []string {
	var out []string
	fs.VisitAll(func(f *flag.Flag) { out = append(out, "--"+f.Name) })
	return append(out, "--help")
}

// runCompletion prints a completion script for a shell: commands, each
// command's flags, and file names for inputs.
func runCompletion(args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return &usageError{"completion takes one shell: bash, zsh or fish"}
	}
	flags := commandFlags()
	cmds := commands()
	switch args[0] {
	case "bash", "zsh":
		var b strings.Builder
		if args[0] == "zsh" {
			b.WriteString("#compdef analyze\n# zsh completion for analyze: analyze completion zsh > \"${fpath[1]}/_analyze\"\nautoload -U +X bashcompinit && bashcompinit\n")
		} else {
			b.WriteString("# bash completion for analyze: analyze completion bash > /etc/bash_completion.d/analyze\n")
		}
		b.WriteString("_analyze() {\n\tlocal cur=${COMP_WORDS[COMP_CWORD]} opts=\n")
		fmt.Fprintf(&b, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\tCOMPREPLY=($(compgen -W %q -- \"$cur\"))\n\t\treturn\n\tfi\n", strings.Join(cmds, " "))
		b.WriteString("\tcase ${COMP_WORDS[1]} in\n")
		for _, c := range []string{"run", "inspect", "history", "trends"} {
			fmt.Fprintf(&b, "\t%s) opts=%q ;;\n", c, strings.Join(flagNames(flags[c]), " "))
		}
		fmt.Fprintf(&b, "\thelp) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", strings.Join(cmds, " "))
		b.WriteString("\tcompletion) COMPREPLY=($(compgen -W \"bash zsh fish\" -- \"$cur\")); return ;;\n\tesac\n")
		b.WriteString("\tif [[ $cur == -* ]]; then\n\t\tCOMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n\telse\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\tfi\n}\n")
		b.WriteString("complete -o filenames -F _analyze analyze\n")
		_, err := io.WriteString(stdout, b.String())
		return err
	case "fish":
		var b strings.Builder
		b.WriteString("# fish completion for analyze: analyze completion fish > ~/.config/fish/completions/analyze.fish\n")
		fmt.Fprintf(&b, "complete -c analyze -n __fish_use_subcommand -f -a %q\n", strings.Join(cmds, " "))
		for _, c := range []string{"run", "inspect", "history", "trends"} {
			flags[c].VisitAll(func(f *flag.Flag) {
				_, usage := flag.UnquoteUsage(f)
				fmt.Fprintf(&b, "complete -c analyze -n '__fish_seen_subcommand_from %s' -l %s -d %q\n", c, f.Name, firstLine(usage))
			})
		}
		b.WriteString("complete -c analyze -n '__fish_seen_subcommand_from completion' -f -a 'bash zsh fish'\n")
		_, err := io.WriteString(stdout, b.String())
		return err
	}
	return &usageError{fmt.Sprintf("completion %q: say bash, zsh or fish", args[0])}
}

// firstLine is a usage text's first line, for a one-line description.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// runMan prints the manual page (roff, man(7)), made from the same help
// texts as `analyze help` and `analyze help COMMAND`: `make man` writes it
// to analyze.1.
func runMan(stdout io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, ".TH ANALYZE 1 \"\" \"analyze %s\" \"User Commands\"\n", version)
	b.WriteString(".SH NAME\nanalyze \\- count the formulations of official political discourse in news issues, by day, venue and language\n")
	b.WriteString(".SH SYNOPSIS\n.B analyze\n\\fICOMMAND\\fR [\\fIflags\\fR] [\\fIINPUT\\fR...]\n")
	b.WriteString(".SH DESCRIPTION\n.nf\n")
	b.WriteString(roff(helpText))
	b.WriteString(".fi\n.SH COMMANDS\n")
	for _, c := range commands() {
		if c == "help" {
			continue
		}
		var help strings.Builder
		if err := runHelp([]string{c}, &help, io.Discard); err != nil {
			return err
		}
		fmt.Fprintf(&b, ".SS %s\n.nf\n%s.fi\n", c, roff(help.String()))
	}
	_, err := io.WriteString(stdout, b.String())
	return err
}

// roff escapes text for a man page's no-fill block: backslashes, and a
// line opening with a dot or a quote.
func roff(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		line = strings.ReplaceAll(line, `\`, `\e`)
		if strings.HasPrefix(line, ".") || strings.HasPrefix(line, "'") {
			line = `\&` + line
		}
		b.WriteString(line)
	}
	return b.String()
}
