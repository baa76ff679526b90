# -i: the prompt follows the script, reading piped stdin (prompts on stderr)
x = 5
print("script ran")
