package com.acme.assistant.web;

import com.acme.assistant.support.ReplyHelper;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

@WebServlet(name = "ask", urlPatterns = "/ask")
public class AskServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String question = req.getParameter("question");
        if (question == null || question.isBlank()) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing 'question'");
            return;
        }
        String answer = ReplyHelper.reply(question);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().write(answer);
    }
}
